package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import java.util.List;

/** One screening rule: reads the measurements of a session it knows about and says what it finds. */
interface Rule {

    List<Finding> assess(Person person, List<Measurement> session);
}
