-- Ends an admitted call: returns its concurrency lease and charges the tokens it used to
-- the token bucket, which may go below zero (the next calls then wait for the refill).
-- KEYS[1] the concurrency leases, KEYS[2] the token bucket
-- ARGV[1] the lease id, ARGV[2] the tokens used, ARGV[3] tokens per minute (0: no limit)
redis.call('ZREM', KEYS[1], ARGV[1])
local used = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
if tpm > 0 and used > 0 then
	local time = redis.call('TIME')
	local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
	local bucket = redis.call('HMGET', KEYS[2], 'tokens', 'at')
	local tokens = tpm
	if bucket[1] then
		tokens = math.min(tpm, tonumber(bucket[1]) + (now - tonumber(bucket[2])) * tpm / 60000)
	end
	redis.call('HSET', KEYS[2], 'tokens', tostring(tokens - used), 'at', tostring(now))
	redis.call('PEXPIRE', KEYS[2], 120000 + math.ceil(used * 60000 / tpm))
end
return 1
