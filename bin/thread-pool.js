// The size of libuv's thread pool for the bot (see photo-finish.js for where it is set).
"use strict";

/**
 * One thread fewer than the cores, at least 2 and at most libuv's default of 4. Discord's signature
 * checks run on this pool and are pure CPU: on 2 cores, 4 threads checking at once left the event
 * loop waiting for a core and served about a quarter fewer interactions than 2 threads did. Two
 * keep one free for a DNS lookup or a file read that stalls.
 */
function threadPoolSize(cores) {
  return Math.max(2, Math.min(4, Math.floor(cores) - 1));
}

module.exports = { threadPoolSize };
