import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { currentActor } from "@/lib/auth/current-actor";
import { newsroomPath } from "@/lib/auth/site-redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect("/admin");
  const { callbackUrl } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-6 font-serif text-3xl font-bold">Dateline newsroom</h1>
      <LoginForm next={newsroomPath(callbackUrl)} />
    </main>
  );
}
