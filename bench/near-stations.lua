-- wrk script: "stations near me" from residents scattered over Shanghai's urban districts.
-- Each request asks near a different point (deterministic sequence), within a 15-minute walk.
local centres = {
  {31.2317, 121.4846}, {31.1884, 121.4365}, {31.2204, 121.4240}, {31.2635, 121.4555},
  {31.2494, 121.3972}, {31.2646, 121.5052}, {31.2595, 121.5260}, {31.1128, 121.3817},
  {31.4050, 121.4894}, {31.2213, 121.5447}, {31.0325, 121.2277}, {31.3747, 121.2655},
}
local paths = {}
math.randomseed(20261122)
for i = 1, 1000 do
  local c = centres[(i % #centres) + 1]
  local lat = c[1] + (math.random() - 0.5) * 0.06
  local lon = c[2] + (math.random() - 0.5) * 0.06
  paths[i] = string.format("/api/stations?near=%.5f,%.5f&radius=1500&size=10", lat, lon)
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
