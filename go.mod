module github.com/crashcourse/crashcourse

go 1.25
