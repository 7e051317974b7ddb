package cn.sh.healthcloud.agent.serial;

/** A frame that fails its check or can't be parsed. The message says why, never what the frame held. */
public final class FrameException extends Exception {

    public FrameException(String reason) {
        super(reason);
    }
}
