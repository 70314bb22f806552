module github.com/crashcourse/crashcourse

go 1.25

require (
	github.com/charmbracelet/x/exp/golden v0.1.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/aymanbagabas/go-udiff v0.4.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
