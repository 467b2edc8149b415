#!/bin/sh
# Builds the six Handoff service images from deploy/docker/Dockerfile.jvm, tagged
# ${IMAGE_PREFIX:-handoff}/<module>:${TAG:-latest}.
#
#   ./mvnw package -DskipTests          # the fast-jars the images are made of
#   deploy/docker/build-images.sh       # or: deploy/docker/build-images.sh --package
#
# Environment:
#   TAG           image tag (default: latest)
#   IMAGE_PREFIX  repository prefix (default: handoff), e.g. registry.example.com/handoff
#   DOCKER        container CLI (default: docker; podman works too)
#   BASE_IMAGE    optional base image override passed to the Dockerfile
#   PUSH=true     push each image after building it
#
# No Docker engine exists where the automated tests run, so they build no image; deploy-check checks
# that the ports below are the modules' quarkus.http.port.
set -eu

cd "$(dirname "$0")/../.."

TAG="${TAG:-latest}"
IMAGE_PREFIX="${IMAGE_PREFIX:-handoff}"
DOCKER="${DOCKER:-docker}"
PUSH="${PUSH:-false}"

if [ "${1:-}" = "--package" ]; then
    ./mvnw -B -q -DskipTests package
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--package]" >&2
    exit 2
fi

# module:port, the port being quarkus.http.port of the module.
SERVICES="trigger-detector:8081
escalation-router:8082
notifier-email:8083
notifier-slack:8084
notifier-webhook:8085
livechat-gateway:8086"

for entry in $SERVICES; do
    module="${entry%%:*}"
    if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ]; then
        echo "$module/target/quarkus-app/quarkus-run.jar is missing; run ./mvnw package -DskipTests first (or pass --package)" >&2
        exit 1
    fi
done

for entry in $SERVICES; do
    module="${entry%%:*}"
    port="${entry##*:}"
    image="$IMAGE_PREFIX/$module:$TAG"
    echo "==> $image"
    set -- build -f deploy/docker/Dockerfile.jvm --build-arg "MODULE=$module" --build-arg "PORT=$port"
    if [ -n "${BASE_IMAGE:-}" ]; then
        set -- "$@" --build-arg "BASE_IMAGE=$BASE_IMAGE"
    fi
    "$DOCKER" "$@" -t "$image" .
    if [ "$PUSH" = "true" ]; then
        "$DOCKER" push "$image"
    fi
done
