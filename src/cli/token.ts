// Mints an identity token for one trust domain (customers or staff) with only that domain's key; the token is the last
// line printed. A customer key can never produce a staff token: each flag reads its own domain's key and nothing else.
import { createPrivateKey } from "node:crypto";
import fs from "node:fs";
import { importPKCS8 } from "jose";
import { createTokenSigner, type SigningKey } from "../auth/token-signer.js";
import { DEV_SECRETS, type AsymmetricAlgorithm, type TrustDomainKind } from "../auth/trust-domain.js";
import { ConfigError, loadConfig, type Config } from "../config/load-config.js";
import { fail, parseCli } from "./cli-kit.js";

const args = parseCli({
  name: "token",
  summary: "mint a signed identity token for a customer (CUSTOMER_JWT_*) or a member of staff (STAFF_JWT_*)",
  usage: "npm run token -- --customer <id> | --staff <id> [--ttl <seconds>] [--private-key-file <pem> | --demo]",
  options: {
    customer: { type: "string", description: "Customer id, e.g. demo1 (signed with CUSTOMER_JWT_SECRET)" },
    staff: { type: "string", description: "Staff id, e.g. alice (signed with STAFF_JWT_SECRET)" },
    ttl: { type: "string", default: "3600", description: "Lifetime in seconds (at most 86400)" },
    "private-key-file": {
      type: "string",
      description: "PKCS#8 PEM private key of that domain (RSA → RS256, P-256 → ES256)",
    },
    demo: { type: "boolean", description: "Use the public development key, accepted only by a server in DEMO_MODE" },
  },
});

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
}

async function privateKeyFrom(file: string): Promise<SigningKey> {
  let pem: string;
  try {
    pem = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read --private-key-file ${file}: ${(e as Error).message}`, 2);
  }
  let alg: AsymmetricAlgorithm;
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType === "rsa") alg = "RS256";
    else if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") alg = "ES256";
    else fail(`--private-key-file: unsupported key type ${key.asymmetricKeyType ?? "unknown"} (use RSA or P-256)`, 2);
  } catch (e) {
    fail(`--private-key-file ${file} is not a PEM private key: ${(e as Error).message}`, 2);
  }
  return { alg, privateKey: await importPKCS8(pem, alg) };
}

const customer = typeof args.values["customer"] === "string" ? args.values["customer"] : undefined;
const staff = typeof args.values["staff"] === "string" ? args.values["staff"] : undefined;
if (!!customer === !!staff) fail("give exactly one of --customer <id> or --staff <id>", 2);
const ttl = Number(args.values["ttl"]);
if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 86_400)
  fail("--ttl must be a whole number of seconds between 1 and 86400", 2);
const keyFile = typeof args.values["private-key-file"] === "string" ? args.values["private-key-file"] : undefined;
const demo = args.values["demo"] === true;
if (keyFile && demo) fail("give at most one of --private-key-file and --demo", 2);

const config = readConfig();
const kind: TrustDomainKind = customer ? "customer" : "staff";
const subject = customer ?? staff ?? "";
const domain = config.auth[kind];
const envName = `${kind.toUpperCase()}_JWT_SECRET`;
// Only this domain's own key is ever read, so a customer signing key cannot mint a staff token.
const secret = demo || (!keyFile && !domain.secret && config.auth.demoMode) ? DEV_SECRETS[kind] : domain.secret;
const key: SigningKey | undefined = keyFile
  ? await privateKeyFrom(keyFile)
  : secret
    ? { alg: "HS256", secret }
    : undefined;
if (!key)
  fail(
    `no ${kind} signing key: set ${envName}, pass --private-key-file <pem>, or pass --demo for a server in DEMO_MODE`,
    2,
  );
const token = await createTokenSigner({ kind, issuer: domain.issuer, audience: domain.audience, key }).mint(
  subject,
  ttl,
);
console.error(
  `${kind} token for ${subject} (${key.alg}, iss ${domain.issuer}, aud ${domain.audience}), valid ${ttl} s${secret === DEV_SECRETS[kind] && !keyFile ? " — development key, DEMO_MODE servers only" : ""}:`,
);
console.log(token);
