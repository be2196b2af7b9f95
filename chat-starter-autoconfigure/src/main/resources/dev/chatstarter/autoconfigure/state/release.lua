-- Ends admitted calls: returns their concurrency leases and charges the tokens they used
-- to the token bucket, which may go below zero, by at most a minute's worth (the next calls
-- then wait for the refill).
-- KEYS[1] the concurrency leases, KEYS[2] the token bucket
-- ARGV[1] the tokens the calls used together, ARGV[2] tokens per minute (0: no limit),
-- ARGV[3..] the lease ids
redis.call('ZREM', KEYS[1], unpack(ARGV, 3))
local used = tonumber(ARGV[1])
local tpm = tonumber(ARGV[2])
if tpm > 0 and used > 0 then
	local time = redis.call('TIME')
	local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
	local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'at')
	local tokens = tpm
	if bucket[1] then
		tokens = math.min(tpm, tonumber(bucket[1]) + (now - tonumber(bucket[2])) * tpm / 60000)
	end
	-- the debt is at most a minute's worth, as a local limit forgets a call after a minute:
	-- a provider that reports absurd usage cannot hold the limit shut for longer
	redis.call('HSET', KEYS[2], 'tokens', tostring(math.max(tokens - used, -tpm)), 'at', tostring(now))
	redis.call('PEXPIRE', KEYS[2], 180000)
end
return 1
