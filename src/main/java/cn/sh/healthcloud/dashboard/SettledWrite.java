package cn.sh.healthcloud.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One atomic write of settled figures: a Lua script that applies it only while the settled instant
 * is still the one the counts were taken against, so two replicas (or a pass that ran long) can
 * never apply the same interval twice. Keys are named in ARGV: fine on one Redis, not on a cluster.
 */
final class SettledWrite {

    static final String SCRIPT = """
            local current = redis.call('GET', KEYS[1])
            local expected = ARGV[1]
            if expected ~= '*' then
              if expected == '' then
                if current then return 0 end
              elseif current ~= expected then
                return 0
              end
            end
            local i = 4
            while i <= #ARGV do
              local op = ARGV[i]
              if op == 'D' then redis.call('DEL', ARGV[i + 1]); i = i + 2
              elseif op == 'H' then redis.call('HINCRBY', ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]); i = i + 4
              elseif op == 'S' then redis.call('HSET', ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]); i = i + 4
              elseif op == 'A' then redis.call('SADD', ARGV[i + 1], ARGV[i + 2]); i = i + 3
              elseif op == 'E' then redis.call('EXPIRE', ARGV[i + 1], ARGV[i + 2]); i = i + 3
              else return redis.error_reply('unknown operation ' .. op) end
            end
            if ARGV[2] ~= '' then redis.call('SET', KEYS[1], ARGV[2]) end
            return 1""";

    /** Apply whatever the settled instant is. */
    static final String ANY = "*";
    /** Apply only if nothing is settled (Redis lost its figures). */
    static final String NOTHING_SETTLED = "";

    private final List<String> args = new ArrayList<>();

    /**
     * @param expected the settled instant the write is valid against ({@link #ANY}, {@link #NOTHING_SETTLED} or epoch seconds)
     * @param settles  the settled instant after the write, or empty to leave it
     */
    SettledWrite(String expected, String settles) {
        args.add(SCRIPT);
        args.add("1");
        args.add(FigureKeys.SETTLED);
        args.add(expected);
        args.add(settles);
        args.add("-");
    }

    SettledWrite delete(String key) {
        args.add("D");
        args.add(key);
        return this;
    }

    SettledWrite increment(Map<String, Map<String, Long>> counts) {
        counts.forEach((key, fields) -> fields.forEach((field, n) -> {
            args.add("H");
            args.add(key);
            args.add(field);
            args.add(Long.toString(n));
        }));
        return this;
    }

    SettledWrite put(String key, String field, String value) {
        args.add("S");
        args.add(key);
        args.add(field);
        args.add(value);
        return this;
    }

    SettledWrite addMember(String key, String member) {
        args.add("A");
        args.add(key);
        args.add(member);
        return this;
    }

    SettledWrite expire(String key, long seconds) {
        args.add("E");
        args.add(key);
        args.add(Long.toString(seconds));
        return this;
    }

    /** The arguments of EVAL. */
    String[] evalArgs() {
        return args.toArray(String[]::new);
    }
}
