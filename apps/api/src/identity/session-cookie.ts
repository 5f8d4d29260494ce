// The guard sends the cookie again when a session slides, so the helpers live with it in auth/.
export { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
