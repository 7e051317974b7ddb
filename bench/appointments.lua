-- wrk script for bench/appointments.sh. MODE (from the environment via target/bench-appointments-plan.lua):
--   "many": each request books a random slot of one of the days for the next resident, so no
--           resident books one service twice on a day (k-th request of thread t: resident
--           (k * threads + t) mod R, day floor(that / R));
--   "hot":  every request books the one hot slot, each by another resident;
--   "read": public availability of 7 days from a random day (no token).
dofile("target/bench-appointments-plan.lua")
local mode = os.getenv("MODE") or "many"
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end
function init(args)
  k = 0
  math.randomseed(os.time() + tid * 7919)
end
request = function()
  if mode == "read" then
    local from = days[math.random(1, #days - 6)]
    return wrk.format("GET", "/api/stations/" .. station .. "/slots?service=general-practice&from=" .. from)
  end
  local n = k * threads + tid
  k = k + 1
  local resident = (n % #tokens) + 1
  local slot
  if mode == "hot" then
    slot = hot
  else
    local d = math.floor(n / #tokens) % #days + 1
    local ids = slots[d]
    slot = ids[math.random(1, #ids)]
  end
  return wrk.format("POST", "/api/appointments", {
    ["Authorization"] = "Bearer " .. tokens[resident],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = mode .. "-" .. tid .. "-" .. k
  }, '{"slotId":' .. slot .. '}')
end
