/**
 * Prisma's own schema engine, compiled to WebAssembly and shipped on npm
 * (@prisma/schema-engine-wasm), driven through a driver adapter. This is how migrations are
 * authored, applied and diagnosed with no internet: the Prisma CLI would instead download a native
 * binary from Prisma's CDN. See docs/decisions/0001-offline-migrations-wasm-schema-engine.md.
 *
 * Node-only (fs); never import this from a page or a client component.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { Pool } from "pg";
import type * as Wasm from "@prisma/schema-engine-wasm";

export type SchemaEngine = Wasm.SchemaEngine;

/** Where the engine reads and writes: an open PGlite, or a PostgreSQL server by URL. */
export type MigrationTarget = { kind: "pglite"; client: PGlite } | { kind: "postgres"; url: string };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let enginePromise: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    // The wasm-bindgen glue reports Rust panics through this global; it must exist before a call.
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const require = createRequire(import.meta.url);
    // The package exports only the JS glue; the .wasm sits beside it.
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return enginePromise;
}

/**
 * Both adapters' `executeScript` are unfit for migrations: pglite-prisma-adapter 0.7.2 does not
 * await `exec()` (a failing migration is recorded as applied) and adapter-pg 7.10 splits on ";"
 * (breaks `DO $$ … $$` bodies and is not atomic). We send the whole script as one simple-protocol
 * query instead, which PostgreSQL runs as one implicit transaction.
 */
function withWholeScriptExecution(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const rethrow = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      rethrow(error);
    }
  };
  return adapter;
}

async function connectPglite(client: PGlite): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPGlite(client).connect();
  return withWholeScriptExecution(adapter, (script) => client.exec(script));
}

function adapterFactoryFor(target: MigrationTarget, opened: SqlDriverAdapter[]): SqlMigrationAwareDriverAdapterFactory {
  // The shadow database is always an in-memory PGlite: the engine cannot introspect PostgreSQL
  // through adapter-pg ("Column type 'char' could not be deserialized"), and adapter-pg's shadow
  // helper would create databases on the production server.
  const connectToShadowDb = async () => {
    const shadow = new PGlite();
    const adapter = await connectPglite(shadow);
    opened.push(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return adapter;
  };
  if (target.kind === "pglite") {
    return {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: () => connectPglite(target.client),
      connectToShadowDb,
    };
  }
  const factory = new PrismaPg({ connectionString: target.url, max: 2 });
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      const pool = adapter.underlyingDriver() as Pool;
      return withWholeScriptExecution(adapter, (script) => pool.query(script));
    },
    connectToShadowDb,
  };
}

/** Runs `fn` with a schema engine bound to `target` and the given Prisma schema, then frees it. */
export async function withSchemaEngine<T>(
  target: MigrationTarget,
  schema: { path: string; content: string },
  fn: (engine: SchemaEngine) => Promise<T>,
  log: (message: string) => void = () => {},
): Promise<T> {
  const glue = await loadEngineModule();
  const opened: SqlDriverAdapter[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactoryFor(target, opened));
  const engine = await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    // Pools and shadow databases would otherwise keep the process alive.
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}
