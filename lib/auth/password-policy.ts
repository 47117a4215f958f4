/**
 * What a password a person chooses must be (issue 10 §4): at least 10 characters with letters and
 * digits, not the username (nor containing it), not one of the passwords every guessing list
 * starts with. Pure, shared by the forms (it runs in the browser too) and the server.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * The first entries of public leaked-password lists, and the Vietnamese ones officers are known to
 * pick (the unit's or the app's name with digits). Compared without case, diacritics or separators.
 */
const COMMON_PASSWORDS = [
  "123456789", "1234567890", "12345678910", "123456789a", "123456789abc", "1234567890a", "123456abc", "0123456789",
  "1111111111", "0000000000", "abc123456", "abcd123456", "a123456789", "qwerty123", "qwertyuiop", "qwerty12345",
  "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsx", "password1", "password123", "passw0rd123", "p@ssw0rd123", "admin123456",
  "admin@123", "administrator1", "iloveyou123", "welcome123", "letmein123", "changeme123", "matkhau123", "matkhau1234",
  "matkhau12345", "matkhaumoi1", "antoan2026", "antt2026", "antt@2026", "antt12345", "anninh2026", "congan123",
  "congan2026", "congantinh1", "bochidao138", "vietnam123", "vietnam2026", "hanoi12345", "laocai2026", "123456aA",
] as const;

/** Lower case, no diacritics (đ → d), letters and digits only: what a guesser varies least. */
export function normalizedForComparison(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const COMMON = new Set(COMMON_PASSWORDS.map(normalizedForComparison));

/** Why `password` may not be chosen by `username`, in Vietnamese; null when it may. */
export function passwordPolicyProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`;
  if (/[\u0000-\u001F\u007F]/.test(password)) return "Mật khẩu không được chứa ký tự điều khiển.";
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return "Mật khẩu cần có cả chữ và số.";
  const p = normalizedForComparison(password);
  const u = normalizedForComparison(username);
  if (u.length >= 3 && p.includes(u)) return "Mật khẩu không được chứa tên đăng nhập.";
  if (COMMON.has(p)) return "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.";
  if (new Set(p).size <= 2) return "Mật khẩu quá đơn giản (lặp lại một vài ký tự). Vui lòng chọn mật khẩu khác.";
  return null;
}
