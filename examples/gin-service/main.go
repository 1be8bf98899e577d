// Command gin-service is a gin application instrumented with the go-gin-prometheus middleware
// (github.com/mcuadros/go-gin-prometheus, Debian golang-github-mcuadros-go-gin-prometheus-dev). It exposes what
// that middleware really writes: gin_requests_total{code,method,handler,host,url} and the label-less
// gin_request_duration_seconds summary, plus the default Go and process collectors of the default registry. Fault
// switches (faults.go) make every alert fire on demand.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	ginprometheus "github.com/mcuadros/go-gin-prometheus"
)

type route struct {
	path      string
	base      time.Duration
	spread    time.Duration
	failEvery uint64 // 0: never fails
}

var routes = []route{
	{path: "/api/orders", base: 2 * time.Millisecond, spread: 4 * time.Millisecond},
	{path: "/api/search", base: 40 * time.Millisecond, spread: 60 * time.Millisecond},
	{path: "/api/checkout", base: 10 * time.Millisecond, spread: 20 * time.Millisecond, failEvery: 20}, // 5 % 5xx
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8080", "address to listen on; port 0 picks a free port")
	faultFlags := registerFaultFlags()
	flag.Parse()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("gin-service: %v", err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr().String())
	faults, err := faultFlags.start() // prints the control address, when -faults is set, as the second line
	if err != nil {
		log.Fatalf("gin-service: %v", err)
	}

	gin.SetMode(gin.ReleaseMode)
	gin.DefaultWriter = io.Discard
	engine := gin.New()
	engine.Use(gin.Recovery())
	// The metrics switch must wrap /metrics, which the middleware below mounts as soon as it is added.
	engine.Use(func(c *gin.Context) {
		if c.Request.URL.Path == "/metrics" && faults.metricsDown() {
			c.String(http.StatusServiceUnavailable, "metrics switched off by the fault switch\n")
			c.Abort()
		}
	})
	// Subsystem "gin" gives the gin_ prefix; the middleware also mounts /metrics on the same engine.
	ginprometheus.NewPrometheus("gin").Use(engine)
	// Faults run inside the metrics middleware, so injected errors and latency show in the metrics.
	engine.Use(func(c *gin.Context) {
		if isAPIPath(c.Request.URL.Path) {
			if status := faults.apply(c.Request.Context()); status != 0 {
				c.String(status, "fault switch: %s\n", http.StatusText(status))
				c.Abort()
			}
		}
	})

	for _, r := range routes {
		engine.GET(r.path, demoHandler(r))
	}
	engine.GET("/debug/leak", gin.WrapH(faults.leakHandler()))
	engine.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok\n") })

	log.Fatal(engine.RunListener(ln))
}

func demoHandler(r route) gin.HandlerFunc {
	var n uint64
	return func(c *gin.Context) {
		i := atomic.AddUint64(&n, 1)
		time.Sleep(r.base + time.Duration(i%5)*r.spread/4)
		if r.failEvery > 0 && i%r.failEvery == 0 {
			c.String(http.StatusInternalServerError, "simulated failure\n")
			return
		}
		c.JSON(http.StatusOK, gin.H{"route": r.path, "n": i})
	}
}
