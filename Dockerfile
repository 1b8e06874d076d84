# Built by scripts/build-image.sh, which prepares rootfs/ from a release build.
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin
# Healthy only while the whole pod is: Swarm's rolling updates wait for it. The
# start period covers image pulls, init components and the components' own
# start periods; a stack can override all of these with `healthcheck:`.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 CMD ["/usr/local/bin/podlike", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/podlike"]
