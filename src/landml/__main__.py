from landml.cli.main import main

main()
