-- Admits one call under the shared limits of a scope, or refuses it, atomically and in
-- one round trip. Times are the Redis server's, so that the replicas' clocks do not matter.
-- KEYS[1] the requests of the sliding minute: a sorted set of lease ids by start time
-- KEYS[2] the concurrency leases: a sorted set of lease ids by expiry time
-- KEYS[3] the token bucket: a hash of tokens left and when they were counted
-- ARGV[1] requests per minute, ARGV[2] max concurrent requests, ARGV[3] tokens per minute
-- (0: no limit), ARGV[4] lease time in ms, ARGV[5] the new lease id
-- Returns { granted (1 or 0), the limit that refused, ms until the rate may have room
-- (-1: not known), the headroom left in thousandths }
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local rpm = tonumber(ARGV[1])
local concurrent = tonumber(ARGV[2])
local tpm = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local headroom = 1
if rpm > 0 then
	redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
	local started = redis.call('ZCARD', KEYS[1])
	if started >= rpm then
		local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
		return { 0, 'requests-per-minute ' .. rpm, tonumber(oldest[2]) + 60000 - now + 1, 0 }
	end
	headroom = math.min(headroom, 1 - started / rpm)
end
if tpm > 0 then
	local bucket = redis.call('HMGET', KEYS[3], 'tokens', 'at')
	local tokens = tpm
	if bucket[1] then
		tokens = math.min(tpm, tonumber(bucket[1]) + (now - tonumber(bucket[2])) * tpm / 60000)
	end
	if tokens <= 0 then
		return { 0, 'tokens-per-minute ' .. tpm, math.ceil(-tokens * 60000 / tpm) + 1, 0 }
	end
	headroom = math.min(headroom, tokens / tpm)
end
if concurrent > 0 then
	redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
	local held = redis.call('ZCARD', KEYS[2])
	if held >= concurrent then
		return { 0, 'max-concurrent-requests ' .. concurrent, -1, 0 }
	end
	redis.call('ZADD', KEYS[2], now + lease, ARGV[5])
	redis.call('PEXPIRE', KEYS[2], lease * 2)
	headroom = math.min(headroom, 1 - held / concurrent)
end
if rpm > 0 then
	redis.call('ZADD', KEYS[1], now, ARGV[5])
	redis.call('PEXPIRE', KEYS[1], 61000)
end
return { 1, '', -1, math.floor(headroom * 1000) }
