/**
 * Checks a Discord application's Ed25519 public key before it is trusted. Node's crypto accepts any
 * 32 bytes as a key, including points of small order (the identity `01 00…00`, the all-zero key):
 * with such a key a forged signature verifies for every message. So the key is decoded as RFC 8032
 * says, and refused unless it is a canonical encoding of a curve point whose order is not small.
 */

const P = 2n ** 255n - 19n;
/** The curve constant d = −121665 / 121666 (mod p). */
const D = mod(-121665n * inverse(121666n));
/** √−1 (mod p), used when the first square-root candidate has the wrong sign. */
const SQRT_M1 = power(2n, (P - 1n) / 4n);

function mod(value: bigint): bigint {
  const r = value % P;
  return r >= 0n ? r : r + P;
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return result;
}

function inverse(value: bigint): bigint {
  return power(value, P - 2n);
}

interface Point {
  readonly x: bigint;
  readonly y: bigint;
}

/** Adds two points (complete twisted Edwards formula with a = −1: defined for every pair). */
function add(a: Point, b: Point): Point {
  const t = mod(D * a.x * b.x * a.y * b.y);
  return {
    x: mod((a.x * b.y + a.y * b.x) * inverse(1n + t)),
    y: mod((a.y * b.y + a.x * b.x) * inverse(1n - t)),
  };
}

/** Why a 32-byte encoding does not decode to a point, or the point (RFC 8032 §5.1.3). */
function decode(bytes: Buffer): Point | string {
  const sign = (bytes[31] as number) >> 7;
  const le = Buffer.from(bytes);
  le[31] = (le[31] as number) & 0x7f;
  const y = BigInt(`0x${Buffer.from(le).reverse().toString("hex")}`);
  if (y >= P) return "is not canonically encoded (y is not below 2^255 - 19)";
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  const check = mod(v * x * x);
  if (check === mod(-u)) x = mod(x * SQRT_M1);
  else if (check !== u) return "is not a point on the Ed25519 curve";
  if (x === 0n && sign === 1) return "is not canonically encoded (negative zero x)";
  if (Number(x & 1n) !== sign) x = P - x;
  return { x, y };
}

/**
 * Says what is wrong with a public key given as 64 hex characters, or undefined when it is a sound
 * Ed25519 key. A small-order point (order 1, 2, 4 or 8) is refused: multiplied by the cofactor 8 it
 * becomes the identity, and signatures "verify" without the private key.
 */
export function publicKeyProblem(hex: string): string | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return "should be 64 hex characters (General Information page)";
  const point = decode(Buffer.from(hex, "hex"));
  if (typeof point === "string") return point;
  let multiple = point;
  for (let i = 0; i < 3; i++) multiple = add(multiple, multiple);
  if (multiple.x === 0n && multiple.y === 1n)
    return "is a weak key (a point of small order): forged signatures would verify";
  return undefined;
}
