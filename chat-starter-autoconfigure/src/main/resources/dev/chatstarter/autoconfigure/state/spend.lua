-- Adds to the spend of a budget in one period and keeps it until after the period ends.
-- KEYS[1] the spend of the budget in its period (a decimal string)
-- ARGV[1] the amount to add, ARGV[2] when the spend may be forgotten, in epoch ms
-- Returns the spend after the addition, as a decimal string
local total = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return total
