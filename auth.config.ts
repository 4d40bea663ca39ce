import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/auth/permissions";
import { siteRedirect } from "@/lib/auth/site-redirect";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

// The part of the Auth.js set-up that needs no database.
// There is deliberately no proxy (middleware): the admin layout sends signed-out visitors to /login
// on the server, and a proxy running Auth.js on /admin would re-issue the session cookie on the very
// request that signs out (a server action posts to the page's own URL), racing the deletion.
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // Only to this site, and always at its public address (never Next's loopback port).
    redirect({ url }) {
      return siteRedirect(url);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.role) session.user.role = token.role as Role;
      return session;
    },
  },
} satisfies NextAuthConfig;
