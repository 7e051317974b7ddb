#!/usr/bin/env bash
# Builds the kiosk PCs' Debian package from the agent's runnable jar:
#   device-agent/packaging/build-deb.sh JAR MAVEN_VERSION OUTPUT_DIR
# → OUTPUT_DIR/healthcloud-agent_<version>_all.deb (Maven's 1.0.0-SNAPSHOT becomes 1.0.0~SNAPSHOT,
# which sorts before the 1.0.0 release). Needs only dpkg-deb (no debhelper, no fakeroot): files are
# owned by root in the package (--root-owner-group). `./mvnw -f device-agent/pom.xml package` runs
# it (-Ddeb.skip=true leaves it out). DEB_MAINTAINER overrides the Maintainer field;
# SOURCE_DATE_EPOCH (default: the jar's time) sets every file's time, so equal inputs give an equal package.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 JAR MAVEN_VERSION OUTPUT_DIR" >&2; exit 2; }
JAR=$1 MAVEN_VERSION=$2 OUT=$3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed: apt-get install dpkg (or build with -Ddeb.skip=true)" >&2; exit 1; }
[ -f "$JAR" ] || { echo "no agent jar at $JAR: run mvn package" >&2; exit 1; }

PACKAGE=healthcloud-agent
VERSION=${MAVEN_VERSION//-/\~}
[[ $VERSION =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || { echo "$MAVEN_VERSION does not make a Debian version" >&2; exit 1; }
MAINTAINER=${DEB_MAINTAINER:-Health Cloud kiosk team <kiosk-team@healthcloud.invalid>}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(stat -c %Y "$JAR")}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd -P)
STAGE="$OUT/deb/${PACKAGE}_${VERSION}_all"
rm -rf "$STAGE"
umask 022
put() { # put MODE SOURCE DESTINATION (in the package)
  install -D -m "$1" "$2" "$STAGE$3"
}
put 0644 "$JAR"                               /usr/share/healthcloud-agent/healthcloud-agent.jar
put 0644 "$HERE/agent.json"                   /usr/share/healthcloud-agent/examples/agent.json
put 0644 "$HERE/credentials.env"              /usr/share/healthcloud-agent/examples/credentials.env
put 0644 "$HERE/healthcloud-agent.service"    /lib/systemd/system/healthcloud-agent.service
put 0644 "$HERE/60-healthcloud-agent.rules"   /lib/udev/rules.d/60-healthcloud-agent.rules
put 0644 "$HERE/modules-load.conf"            /usr/lib/modules-load.d/healthcloud-agent.conf
put 0644 "$HERE/debian/README"                /usr/share/doc/healthcloud-agent/README
put 0644 "$HERE/debian/copyright"             /usr/share/doc/healthcloud-agent/copyright
for script in postinst prerm postrm; do
  put 0755 "$HERE/debian/$script" "/DEBIAN/$script"
done

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" -e "s|@MAINTAINER@|$MAINTAINER|" \
  "$HERE/debian/control.in" >"$STAGE/DEBIAN/control"
chmod 0644 "$STAGE/DEBIAN/control"
find "$STAGE" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

DEB="$OUT/${PACKAGE}_${VERSION}_all.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
