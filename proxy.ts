import NextAuth from "next-auth";
import { authConfig } from "@/auth.config";

// Redirects signed-out visitors of /admin to /login. It is not the authorisation check.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = { matcher: ["/admin/:path*"] };
