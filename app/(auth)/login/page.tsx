import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { currentActor } from "@/lib/auth/current-actor";
import { newsroomPath } from "@/lib/auth/site-redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const { callbackUrl, notice } = await searchParams;
  const next = newsroomPath(callbackUrl);
  if (await currentActor()) redirect(next ?? "/admin");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-6 font-serif text-3xl font-bold">Dateline newsroom</h1>
      {notice === "password-changed" ? (
        <p className="mb-4 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status">
          Your password is changed and you are signed out everywhere. Sign in with the new password.
        </p>
      ) : null}
      <LoginForm next={next} />
    </main>
  );
}
