# syntax=docker/dockerfile:1
# The local stack's alert receiver (deploy/alert-log) for docker-compose.yml; build context is deploy/alert-log.
# Standard library only: no module downloads.
FROM golang:1.24-alpine AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY main.go .
RUN go mod init panelcraft.example/alert-log && go build -trimpath -ldflags='-s -w' -o /out/alert-log .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/alert-log /usr/local/bin/alert-log
EXPOSE 8099
ENTRYPOINT ["/usr/local/bin/alert-log"]
# In a container it must listen on all interfaces (the port is not published; only Alertmanager posts to it).
CMD ["-listen=:8099"]
