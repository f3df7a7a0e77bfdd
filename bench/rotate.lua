-- wrk: request the paths given after `--` in turn (each thread starts at its own offset).
-- bench/run.py appends report.lua, which prints the results.
local paths = {}
local index = 0

init = function(args)
   for i, path in ipairs(args) do
      paths[i] = path
   end
   index = math.random(#paths) - 1
end

request = function()
   index = index % #paths + 1
   return wrk.format("GET", paths[index])
end
