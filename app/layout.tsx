import type { Metadata, Viewport } from "next";
import "./globals.css";
import { env } from "@/lib/env";

export function generateMetadata(): Metadata {
  const { SITE_URL, SITE_NAME } = env();
  return { metadataBase: new URL(SITE_URL), title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f172a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={env().SITE_LANGUAGE}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
