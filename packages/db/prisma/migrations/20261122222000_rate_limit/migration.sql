-- LoginThrottle also counts kiosk calls per device: it is a rate limit table, named for what it holds.
ALTER TABLE "LoginThrottle" RENAME TO "RateLimit";
ALTER TABLE "RateLimit" RENAME CONSTRAINT "LoginThrottle_pkey" TO "RateLimit_pkey";
ALTER INDEX "LoginThrottle_key_key" RENAME TO "RateLimit_key_key";
ALTER INDEX "LoginThrottle_windowStartedAt_idx" RENAME TO "RateLimit_windowStartedAt_idx";
