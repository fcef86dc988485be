// npm run totp -- <base32 key>: prints the code an authenticator app shows now for that key (and how long it
// lasts). For the demo administrator's published key (README, "Demo accounts") and for testing; never needed with a
// real authenticator app.
import { TOTP_PERIOD_SECONDS, base32Decode, totpCode } from './totp';

const key = process.argv.slice(2).join('').replace(/\s/g, '');
if (!key || !base32Decode(key)) {
  console.error('Usage: npm run totp -- <key>   (the setup key, base32: letters A-Z and digits 2-7; spaces are ignored)');
  process.exit(1);
}
const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
console.log(totpCode(key));
console.error(`(valid for ${secondsLeft} more second${secondsLeft === 1 ? '' : 's'}, then the next code)`);
