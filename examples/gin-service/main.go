// Command gin-service is a gin application instrumented with the go-gin-prometheus middleware
// (github.com/mcuadros/go-gin-prometheus, Debian golang-github-mcuadros-go-gin-prometheus-dev). It exposes what
// that middleware really writes: gin_requests_total{code,method,handler,host,url} and the label-less
// gin_request_duration_seconds summary, plus the default Go and process collectors of the default registry.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
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
	maxGoroutines := flag.Int("leak-max-goroutines", 2000, "cap on goroutines leaked by /debug/leak")
	maxFiles := flag.Int("leak-max-files", 200, "cap on file handles leaked by /debug/leak")
	flag.Parse()

	gin.SetMode(gin.ReleaseMode)
	gin.DefaultWriter = io.Discard
	engine := gin.New()
	engine.Use(gin.Recovery())
	// Subsystem "gin" gives the gin_ prefix; the middleware also mounts /metrics on the same engine.
	ginprometheus.NewPrometheus("gin").Use(engine)

	for _, r := range routes {
		engine.GET(r.path, demoHandler(r))
	}
	l := &leaker{maxGoroutines: *maxGoroutines, maxFiles: *maxFiles, block: make(chan struct{})}
	engine.GET("/debug/leak", l.handle)
	engine.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok\n") })

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatalf("gin-service: %v", err)
	}
	fmt.Printf("listening on http://%s\n", ln.Addr().String())
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

// leaker leaks goroutines and open files on purpose, up to a cap, so a test cannot exhaust the machine.
type leaker struct {
	mu            sync.Mutex
	goroutines    int
	files         []*os.File
	maxGoroutines int
	maxFiles      int
	block         chan struct{} // never closed
}

func (l *leaker) handle(c *gin.Context) {
	n := 10
	if v := c.Query("n"); v != "" {
		parsed, err := strconv.Atoi(v)
		if err != nil || parsed < 0 {
			c.String(http.StatusBadRequest, "n must be a non-negative integer\n")
			return
		}
		n = parsed
	}
	l.mu.Lock()
	for i := 0; i < n && l.goroutines < l.maxGoroutines; i++ {
		l.goroutines++
		go func() { <-l.block }()
	}
	for i := 0; i < n && len(l.files) < l.maxFiles; i++ {
		f, err := os.Open(os.DevNull)
		if err != nil {
			break
		}
		l.files = append(l.files, f)
	}
	body := gin.H{"leakedGoroutines": l.goroutines, "leakedFiles": len(l.files)}
	l.mu.Unlock()
	c.JSON(http.StatusOK, body)
}
