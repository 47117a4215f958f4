# Sourced by the project's scripts: nothing they start calls outside this machine's network.
# (The npm registry and apt are the only hosts a province's firewall lets through.)
export NEXT_TELEMETRY_DISABLED=1      # Next.js anonymous telemetry
export CHECKPOINT_DISABLE=1           # Prisma CLI update check (checkpoint.prisma.io)
export PRISMA_HIDE_UPDATE_MESSAGE=1   # …and its "update available" notice
export DO_NOT_TRACK=1                 # the common opt-out other tools honour
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  # the browser is Debian's chromium, never a download
