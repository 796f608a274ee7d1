// Mints a development identity token for a customer or a member of staff; the token is the last line printed.
import { createTokenService } from "../auth/tokens.js";
import { loadConfig } from "../config/load-config.js";
import { fail, parseCli } from "./cli-kit.js";

const args = parseCli({
  name: "token",
  summary: "mint a signed development token (HS256, AUTH_JWT_SECRET)",
  usage: "npm run token -- --customer <id> | --staff <name> [--ttl <seconds>]",
  options: {
    customer: { type: "string", description: "Customer id, e.g. demo1" },
    staff: { type: "string", description: "Staff member name, e.g. alice" },
    ttl: { type: "string", default: "28800", description: "Lifetime in seconds" },
  },
});
const customer = args.values["customer"] as string | undefined;
const staff = args.values["staff"] as string | undefined;
if (!!customer === !!staff) fail("give exactly one of --customer <id> or --staff <name>", 2);
const ttl = Number(args.values["ttl"]);
if (!Number.isInteger(ttl) || ttl <= 0) fail("--ttl must be a positive number of seconds", 2);
const config = loadConfig(process.env);
const tokens = createTokenService({ secret: config.auth.jwtSecret, issuer: config.auth.issuer });
const token = await tokens.mint(customer ? { kind: "customer", customerId: customer } : { kind: "staff", staffId: staff as string }, ttl);
console.error(`token for ${customer ? `customer ${customer}` : `staff ${staff}`}, valid ${ttl} s:`);
console.log(token);
