import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

// The part of the Auth.js set-up that needs no database, shared by the proxy and the server.
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    // The proxy only sends signed-out visitors of /admin to the login page; every action and
    // handler still checks permissions itself (lib/auth/permissions.ts).
    authorized({ auth, request }) {
      if (request.nextUrl.pathname.startsWith("/admin")) return !!auth?.user;
      return true;
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
