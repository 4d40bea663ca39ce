import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/auth/permissions";
import { siteRedirect } from "@/lib/auth/site-redirect";
import { SESSION_LIFETIME_SECONDS } from "@/lib/auth/session-lifetime";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** The session could not be checked (the database did not answer): neither signed in nor out. */
    unavailable?: true;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The `Session` row this cookie belongs to (lib/auth/sessions.ts). */
    sid?: string;
    role?: Role;
    /** The session's absolute expiry, in milliseconds since the epoch: fixed at sign-in. */
    expiresAt?: number;
    /** Set for the length of one request when the check could not reach the database; never stored. */
    unavailable?: true;
  }
}

// The part of the Auth.js set-up that needs no database (auth.ts adds the session checks).
// The proxy (proxy.ts) deliberately runs no Auth.js: the admin layout sends signed-out visitors to
// /login on the server, and a proxy running Auth.js on /admin would re-issue the session cookie on
// the very request that signs out (a server action posts to the page's own URL), racing the
// deletion. The proxy only passes the address asked for, so sign-in can return there.
export const authConfig = {
  pages: { signIn: "/login" },
  // maxAge is how long a cookie lasts from its last renewal; a session's absolute lifetime (the
  // same 8 hours, counted from sign-in) is held in its row and bounds every cookie made for it.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password (or a sign-in refused for too many) is an answer the form shows, not a
    // fault: Auth.js would print each with a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    // Only to this site, and always at its public address (never Next's loopback port).
    redirect({ url }) {
      return siteRedirect(url);
    },
    session({ session, token }) {
      if (token.unavailable) return { ...session, unavailable: true };
      return {
        ...session,
        user: { ...session.user, id: token.sub!, email: token.email!, name: token.name!, role: token.role! },
        ...(token.expiresAt ? { expires: new Date(token.expiresAt).toISOString() } : {}),
      };
    },
  },
} satisfies NextAuthConfig;
