/** The request header proxy.ts sets to the newsroom address asked for (path and query). */
export const NEWSROOM_PATH_HEADER = "x-dateline-newsroom-path";
