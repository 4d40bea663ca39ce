/** How long a newsroom session lasts from sign-in (its absolute lifetime): renewing the cookie never extends it. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;
