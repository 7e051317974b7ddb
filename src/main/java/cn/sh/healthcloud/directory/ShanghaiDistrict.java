package cn.sh.healthcloud.directory;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 16 districts of Shanghai with their GB/T 2260 codes (../shared/reference/districts.csv).
 * The centre is the district government's area: good enough to place synthetic stations, not a boundary.
 */
public enum ShanghaiDistrict {
    HUANGPU("310101", "黄浦区", "Huangpu", 31.2317, 121.4846, 66.2),
    XUHUI("310104", "徐汇区", "Xuhui", 31.1884, 121.4365, 111.3),
    CHANGNING("310105", "长宁区", "Changning", 31.2204, 121.4240, 69.3),
    JINGAN("310106", "静安区", "Jing'an", 31.2635, 121.4555, 97.6),
    PUTUO("310107", "普陀区", "Putuo", 31.2494, 121.3972, 123.9),
    HONGKOU("310109", "虹口区", "Hongkou", 31.2646, 121.5052, 75.8),
    YANGPU("310110", "杨浦区", "Yangpu", 31.2595, 121.5260, 124.2),
    MINHANG("310112", "闵行区", "Minhang", 31.1128, 121.3817, 265.3),
    BAOSHAN("310113", "宝山区", "Baoshan", 31.4050, 121.4894, 223.5),
    JIADING("310114", "嘉定区", "Jiading", 31.3747, 121.2655, 183.4),
    PUDONG("310115", "浦东新区", "Pudong", 31.2213, 121.5447, 568.2),
    JINSHAN("310116", "金山区", "Jinshan", 30.7418, 121.3419, 82.3),
    SONGJIANG("310117", "松江区", "Songjiang", 31.0325, 121.2277, 191.0),
    QINGPU("310118", "青浦区", "Qingpu", 31.1510, 121.1241, 127.1),
    FENGXIAN("310120", "奉贤区", "Fengxian", 30.9180, 121.4740, 114.1),
    CHONGMING("310151", "崇明区", "Chongming", 31.6231, 121.3975, 63.7);

    private static final Map<String, ShanghaiDistrict> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ShanghaiDistrict::code, Function.identity()));

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final GeoPoint centre;
    private final double population10k;

    ShanghaiDistrict(String code, String nameZh, String nameEn, double lat, double lon, double population10k) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.centre = new GeoPoint(lat, lon);
        this.population10k = population10k;
    }

    public static Optional<ShanghaiDistrict> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static boolean isKnown(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public GeoPoint centre() {
        return centre;
    }

    /** 2020 census population in units of 10,000 (approximate). */
    public double population10k() {
        return population10k;
    }
}
