// The Content-Security-Policy nonce of the page being rendered on the server (app/entry.server.tsx provides it; the
// root layout gives it to Remix's inline scripts). Undefined in the browser: a nonce is only needed in the HTML.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
