-- Extends the concurrency leases of calls still in flight, leaving alone those already
-- returned or expired, so that a lease never comes back once the store let it go.
-- KEYS[1] the concurrency leases
-- ARGV[1] the lease time in ms, ARGV[2..] the lease ids
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease = tonumber(ARGV[1])
local renewed = 0
for i = 2, #ARGV do
	local expiry = redis.call('ZSCORE', KEYS[1], ARGV[i])
	if expiry and tonumber(expiry) > now then
		redis.call('ZADD', KEYS[1], now + lease, ARGV[i])
		renewed = renewed + 1
	end
end
if renewed > 0 then
	redis.call('PEXPIRE', KEYS[1], lease * 2)
end
return renewed
