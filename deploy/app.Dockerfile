# syntax=docker/dockerfile:1
# The demo Go service (examples/go-service) for docker-compose.yml; build context is examples/go-service.
# The example has no go.mod so that it also builds offline in GOPATH mode from Debian's packages (the test suite
# does that); here, with internet, it is built in module mode against a pinned client_golang.
FROM golang:1.24-alpine AS build
# Fetch a newer toolchain if a go.mod ever asks for one (the official image defaults to GOTOOLCHAIN=local).
ENV GOTOOLCHAIN=auto CGO_ENABLED=0
WORKDIR /src
COPY . .
RUN if [ ! -f go.mod ]; then \
      go mod init panelcraft.example/go-service && \
      go get github.com/prometheus/client_golang@v1.22.0; \
    fi && \
    go mod tidy && \
    go build -trimpath -ldflags='-s -w' -o /out/go-service .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/go-service /usr/local/bin/go-service
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/go-service"]
# The service listens on 127.0.0.1 by default; in a container it must listen on all interfaces.
CMD ["-listen=:8080"]
