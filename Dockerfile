# Built by scripts/build-image.sh, which prepares rootfs/ from a release build.
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin
ENTRYPOINT ["/usr/local/bin/podlike"]
