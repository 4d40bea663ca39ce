// Why a connection failed, as an admin reads it, from Node's error codes (feeds and FTP alike).

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "its name could not be looked up",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  EPIPE: "the connection was closed",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection was closed",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate is not signed by a trusted authority",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate is not signed by a trusted authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its TLS certificate is not signed by a trusted authority",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another name",
};

/** "connection refused" for ECONNREFUSED, or null for a code that is not about reaching a server. */
export function networkReason(code: unknown): string | null {
  return typeof code === "string" ? (REASONS[code] ?? null) : null;
}

/** Whether the code says a TLS certificate was not trusted. */
export const isCertificateError = (code: unknown) => typeof code === "string" && (code.includes("CERT") || code.includes("SIGNATURE") || code.includes("ISSUER"));
