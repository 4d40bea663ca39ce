import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { clientAddress, verifyCredentials } from "@/lib/auth/verify-credentials";
import { endSession, findSessionActor, startSession } from "@/lib/auth/sessions";
import { siteOrigin } from "@/lib/auth/site-redirect";

// Next listens on a loopback port behind the front server, so the URL a request reaches it with is
// that port's. Auth.js builds its redirects (after sign-in, its error and sign-out pages) from
// AUTH_URL when set, else from that URL or the Host header: it follows SITE_URL, the public address.
process.env.AUTH_URL = siteOrigin();


export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => verifyCredentials(credentials, clientAddress(request.headers)),
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    /**
     * The one check of a session cookie, whoever reads it (`auth()` in pages, actions and route
     * handlers, and `/api/auth/session`): its row must exist, be unexpired and belong to an
     * active user, who is loaded with it (one query). Returning null ends the session: Auth.js
     * then answers as signed out and clears the cookie instead of renewing it.
     */
    async jwt({ token, user, trigger }) {
      if (trigger === "signIn") {
        if (!user?.id) return null;
        const session = await startSession(user.id);
        return { sub: user.id, sid: session.id, email: user.email, name: user.name, role: user.role, expiresAt: session.expiresAt.getTime() };
      }
      if (!token.sid || !token.sub) return null;
      let found: Awaited<ReturnType<typeof findSessionActor>>;
      try {
        found = await findSessionActor(token.sid, token.sub);
      } catch (error) {
        // A database that does not answer says nothing about the session: not a sign-out.
        console.error("session check failed:", error instanceof Error ? error.message : error);
        return { ...token, unavailable: true };
      }
      if (!found) return null;
      const { actor, expiresAt } = found;
      return { ...token, email: actor.email, name: actor.name, role: actor.role, expiresAt: expiresAt.getTime() };
    },
  },
  jwt: {
    // A cookie never outlives its session's absolute expiry, however often it is renewed; and a
    // check that could not reach the database is never written into one.
    async encode(params) {
      const { unavailable: _unavailable, ...token } = params.token ?? {};
      const maxAge = params.maxAge ?? authConfig.session.maxAge;
      const remaining = typeof token.expiresAt === "number" ? Math.floor((token.expiresAt - Date.now()) / 1000) : maxAge;
      return encode({ ...params, token, maxAge: Math.max(0, Math.min(maxAge, remaining)) });
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid);
    },
  },
});
