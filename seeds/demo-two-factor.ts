// The demo administrator signs in with two-factor sign-in (administrators must), with this fixed key so anyone
// trying the demo, and the browser tests, can make its codes: add it to an authenticator app, or print the current
// code with `npm run totp -- <key>`. Demo data only: it is published in the README on purpose.
export const DEMO_ADMIN_TOTP_SECRET = 'PCCDEMOADMINTOTPKEY234567ABCDEFG';
