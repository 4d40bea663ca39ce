import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { clientAddress, verifyCredentials } from "@/lib/auth/verify-credentials";
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
});
