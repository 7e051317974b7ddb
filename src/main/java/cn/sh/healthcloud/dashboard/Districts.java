package cn.sh.healthcloud.dashboard;

import cn.sh.healthcloud.directory.ShanghaiDistrict;
import java.util.Arrays;
import java.util.List;

/** The 16 districts the city's figures are kept for. */
final class Districts {

    static final List<String> CODES = Arrays.stream(ShanghaiDistrict.values()).map(ShanghaiDistrict::code).toList();

    private Districts() {
    }
}
