package cn.sh.healthcloud.directory.seed;

import java.util.SplittableRandom;

/** Fisher–Yates over indices, driven by the seed's own random so the order is the same on every machine. */
final class Shuffle {

    private Shuffle() {}

    static int[] indices(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
