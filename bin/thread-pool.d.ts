/** The size of libuv's thread pool for a machine with `cores` cores (see thread-pool.js). */
export function threadPoolSize(cores: number): number;
