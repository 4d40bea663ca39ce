import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
  title: { default: process.env.SITE_NAME ?? "Dateline", template: `%s · ${process.env.SITE_NAME ?? "Dateline"}` },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f172a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={process.env.SITE_LANGUAGE ?? "en"}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
