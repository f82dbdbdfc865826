from hirecli.cli.main import main

main()
