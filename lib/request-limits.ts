// How large a request body may be, wherever it is read: the front reads every body whole before
// passing it to Next (lib/serving/upstream.ts), and Next takes server actions (dropped wire files,
// forms) up to the same size (next.config.ts). The wire limit per item is its own (1 MB).
export const REQUEST_BODY_LIMIT_MB = 20;
export const REQUEST_BODY_LIMIT_BYTES = REQUEST_BODY_LIMIT_MB * 1024 * 1024;
