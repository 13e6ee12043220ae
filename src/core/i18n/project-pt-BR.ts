// As palavras de um projeto gerado, em português do Brasil. Mesmas chaves de project-en.ts: o tipo
// ProjectWords faz o `tsc` falhar se faltar (ou sobrar) uma chave.
import type { ProjectWords } from './project-en.js';

export const projectPtBR: ProjectWords = {
  // requirements.txt, .dockerignore, .gitattributes, .gitignore (comentários)
  'requirements.header':
    'Pacotes Python instalados na imagem pelo `pip install -r requirements.txt`.\nUm requisito PEP 508 por linha; fixe as versões para builds reproduzíveis.\nAcrescente outros com `pod-ingestion package SPEC...` (ou `yo pod-ingestion:package SPEC...`).',
  'dockerignore.context': 'Só o que o Dockerfile copia entra no contexto de build: builds mais rápidos, sem secrets nem testes na imagem.',
  'dockerignore.runs':
    'Os logs do `pod-ingestion run` e as bases de merge do gerador (já ficam de fora pelo `*`; estão aqui para\ncontinuar de fora se as regras acima mudarem).',
  'gitattributes.lf': 'Fim de linha LF: um script shell com CRLF falha no contêiner ("bad interpreter: /bin/bash^M").',
  'gitignore.runs': 'Logs e registros do `pod-ingestion run`.',
  'gitignore.generated':
    'O .pod-ingestion/generated/ vai para o repositório: é a última versão gerada de cada arquivo, com a qual o\ngerador mescla as suas edições ao rodar de novo (um clone sem ela recebe a pergunta de sobrescrever em vez de um merge).',

  // Dockerfile (comentários)
  'dockerfile.header': 'Imagem dos scripts de pod de {container}: uma imagem, vários scripts; o PRG_NAME escolhe qual cada pod executa.',
  'dockerfile.build': 'Para construir: docker build -t {image} .',
  'dockerfile.generated':
    'Gerado pelo generator-pod-ingestion; edite à vontade: ao rodar o gerador de novo, uma configuração alterada é mesclada com as suas edições.',
  'dockerfile.pythonArg': 'A versão do Python é um argumento de build: `--build-arg PYTHON_VERSION=3.13` troca a imagem sem editar nada.',
  'dockerfile.base':
    'A imagem oficial slim do Python: Debian com Python, enxuta, com apt para as bibliotecas de sistema que algum driver pedir.',
  'dockerfile.noBytecode': 'Sem arquivos .pyc: cada pod executa o script uma vez só, o bytecode só ocuparia espaço.',
  'dockerfile.unbuffered': 'print() e logging vão direto para o log do pod, sem buffer, e o Airflow mostra tudo na hora.',
  'dockerfile.prgName':
    'O script que o contêiner executa quando ninguém diz outro: `--build-arg PRG_NAME=x.py` muda esse padrão,\ne `docker run -e PRG_NAME=x.py` ou o env_vars da DAG escolhem na hora da execução.',
  'dockerfile.user':
    'Um usuário sem privilégios de root, com uid fixo, criado antes dos arquivos da aplicação: editar um script nunca refaz esta camada.',
  'dockerfile.packagesFirst':
    'Os pacotes Python primeiro: esta camada só é refeita quando o requirements.txt muda, não quando um script muda.',
  'dockerfile.noCache': 'O --no-cache-dir deixa o cache de downloads do pip fora da imagem.',
  'dockerfile.command': 'O comando do contêiner (veja o run_in_docker.sh); o chmod cobre um checkout que perdeu o bit de execução.',
  'dockerfile.workdir': 'Os scripts ficam em /app (o WORKDIR cria a pasta).',
  'dockerfile.scripts': 'Os scripts de pod, do usuário da aplicação via --chown: sem uma segunda cópia deles numa camada de chown.',
  'dockerfile.shadowing':
    'Um script com o nome de um módulo instalado (yaml.py ao lado do PyYAML) seria importado no lugar dele por todos\nos scripts de /app: o build para e mostra os nomes, em vez de entregar uma imagem com imports quebrados.',
  'dockerfile.shadowingFound':
    'scripts de pod com nome de módulo instalado, que esconderiam esse módulo de todos os scripts em {folder}: {names}. Renomeie os scripts (por exemplo, {example}_job.py) e construa de novo.',
  'dockerfile.unprivileged': 'Daqui em diante, e no próprio contêiner, tudo roda com o usuário sem privilégios.',
  'dockerfile.cmd': 'Executa o script indicado no PRG_NAME; argumentos extras do `docker run` chegam ao script.',

  // run_in_docker.sh (comentários e as mensagens que ele imprime)
  'shell.header':
    'Comando do contêiner da imagem: executa o script de pod indicado no PRG_NAME, a partir de /app.\nO PRG_NAME pode ser "collect", "collect.py" ou "./collect.py"; argumentos extras são repassados ao script.\nCódigos de saída: os do próprio script; 64 quando o PRG_NAME não foi definido ou não corresponde a nenhum script.',
  'shell.noScripts': '(nenhum: %s não tem arquivos .py)',
  'shell.notSet': 'o PRG_NAME não foi definido. Use um destes: {scripts}',
  'shell.unknown': 'PRG_NAME={requested} não corresponde a nenhum script em {folder}. Scripts: {scripts}',
  'shell.running': 'executando {script}',
  'shell.exec': 'exec: o Python toma o lugar deste shell, então o código de saída e os sinais do Kubernetes chegam direto ao script.',

  // pods/NOME.py
  'pod.summary': 'Tarefa de ingestão {name}: lê um dia de exportações em CSV, limpa os dados e grava o resultado.',
  'pod.runsAs': 'Roda num pod do Kubernetes como a tarefa "{name}" do Airflow (PRG_NAME={name}.py), ou localmente:',
  'pod.parameters': 'Parâmetros (variáveis de ambiente):',
  'pod.runDate':
    'o dia a ingerir, AAAA-MM-DD. A DAG passa a data lógica da execução ({{ ds }}), então a\n                 execução de um dia sempre processa aquele dia, mesmo quando o Airflow a repete ou faz\n                 backfill dias depois (padrão ao rodar à mão: hoje, em UTC)',
  'pod.sourceDir': 'pasta com as exportações CSV desse dia (padrão: vazio, usa registros de exemplo)',
  'pod.outputDir':
    'pasta onde o CSV limpo é gravado; a DAG passa o seu param OUTPUT_DIR (padrão ao rodar à\n                 mão: {path}). O /tmp de um pod é apagado junto com o pod, então nada gravado ali\n                 permanece: aponte para um armazenamento durável (um volume montado ou um caminho de bucket)',
  'pod.constant': 'definida pela DAG (constante)',
  'pod.param': 'o param {name} da DAG, que o conf de uma execução substitui',
  'pod.paramRequired': ' (obrigatório)',
  'pod.paramDefault': ' (padrão: {value})',
  'pod.secret': 'O secret "{secret}" é montado somente leitura em {path}.',
  'pod.exitCodes': 'Códigos de saída: 0 sucesso, 2 parâmetro inválido, 1 qualquer outra falha (o Airflow marca a tarefa como falha).',
  'pod.parameterErrorDoc': 'Uma variável de ambiente tem um valor que esta tarefa não consegue usar.',
  'pod.readParametersDoc': 'Lê e valida os parâmetros da tarefa; levanta ParameterError com o nome do parâmetro inválido.',
  'pod.notADate': 'não é uma data no formato AAAA-MM-DD',
  'pod.notAFolder': 'não é uma pasta',
  'pod.paramMissing': '{name} é obrigatório: dispare a DAG com o param {name} (no formulário, ou {conf} no conf)',
  'pod.loadRowsDoc': 'Linhas de todos os CSV de source_dir; sem origem, uma pequena amostra, para a tarefa rodar logo de cara.',
  'pod.cleanDoc': 'Mantém as linhas com id de registro e quantidade numérica, carimbadas com a data da execução.',
  'pod.logRead': 'arquivo lido: %s',
  'pod.logInvalid': 'parâmetro inválido: %s',
  'pod.logIngesting': 'iniciando a ingestão de %s',
  'pod.logWrote': '%d linhas gravadas em %s',
  'pod.logFailed': '{name} falhou',

  // tests/test_NOME.py e tests/test_dag_integrity.py
  'podTest.doc': 'Testes unitários de {script}; não precisam de Docker nem de Airflow: python -m unittest discover -s tests',
  'podTest.sourceDir': 'uma pasta que existe (a tarefa recusa qualquer outra), seja qual for o padrão da DAG',
  'podTest.noFile': 'a tarefa não gravou nenhum arquivo',
  'dagTest.doc':
    'Teste de integridade das DAGs: cada DAG de dags/ é importada sem erro pelo Airflow. Roda onde o Airflow e o\nprovider cncf.kubernetes estão instalados (pip install apache-airflow apache-airflow-providers-cncf-kubernetes);\nnas outras máquinas é pulado e diz o motivo.',
  'dagTest.noAirflowHere': 'esta máquina não tem Airflow',
  'dagTest.missing': 'o Airflow não está instalado aqui ({error}); instale o apache-airflow para rodar o teste de integridade das DAGs',
  'dagTest.noDag': 'nenhuma DAG encontrada em dags/',
  'dagTest.noTags': '{dag} não tem tags',
  'dagTest.noImage': '{task} não indica nenhuma imagem',

  // dags/DAG_ID.py
  'dag.summary': 'DAG {dagId} do Airflow: executa os scripts de pod da imagem {image}, uma tarefa KubernetesPodOperator para cada um.',
  'dag.doc':
    'Gerada pelo generator-pod-ingestion. Pode editar tudo o que está fora dos blocos marcados\n"pod-ingestion managed". Esses blocos são reescritos a partir do .yo-rc.json pelo `pod-ingestion pod NOME`\n(acrescenta uma tarefa), pelo `pod-ingestion publish --bump ...` (muda a tag da imagem) e ao rodar o gerador de novo.\nFunciona no Airflow 2.9+ e 3.x com o apache-airflow-providers-cncf-kubernetes 10 ou mais novo.',
  'dag.settingsMarker': '(reescrito a partir do .yo-rc.json; mude com o pod-ingestion, não aqui)',
  'dag.paramOutputDir':
    'Pasta onde os pods gravam os resultados. O /tmp de um pod é apagado junto com ele: use um volume montado ou um caminho de bucket',
  'dag.paramOfPod': 'Variável de ambiente {name} do pod {pods}',
  'dag.paramOfPods': 'Variável de ambiente {name} dos pods {pods}',
  'dag.paramRequired': ' (obrigatório: informe ao disparar a DAG)',
  'dag.paramsComment':
    'Os parâmetros da execução: aparecem no formulário "Trigger DAG"; o conf de uma execução tem precedência; as tarefas leem {{ params.NAME }}.',
  'dag.paramsRequiredComment': 'Um Param sem padrão é obrigatório, e aí o Airflow recusa um agendamento.',
  'dag.tasksMarker': '(reescrito a partir do .yo-rc.json; acrescente uma tarefa com `pod-ingestion pod NOME`)',

  // README.md
  'readme.intro':
    'Scripts Python de ingestão empacotados numa única imagem Docker, {image}, que o Apache Airflow executa no\nKubernetes: cada script de `{podsDir}/` é uma tarefa da DAG {dagId}, escolhida dentro do contêiner pela\nvariável de ambiente `PRG_NAME`.',
  'readme.generated': 'Gerado pelo {link}.',
  'readme.pipelineHeading': 'O pipeline',
  'readme.pipeline':
    'Cada caixa é uma tarefa da DAG (um pod); uma seta faz a tarefa rodar depois daquela de onde a seta sai. O\n`pod-ingestion pod` mantém este desenho em dia; o `pod-ingestion graph --format text` mostra o mesmo no terminal.',
  'readme.filesHeading': 'O que tem aqui',
  'readme.filesPath': 'caminho',
  'readme.filesWhat': 'o que é',
  'readme.filePods': 'os scripts de ingestão, um por pod; o `.yo-rc.json` lista cada um com as configurações da DAG',
  'readme.fileRequirements': 'os pacotes Python instalados na imagem',
  'readme.fileDockerfile': 'constrói a imagem: Python {python} slim, pacotes, scripts, usuário sem root',
  'readme.fileRunInDocker': 'o comando do contêiner: executa o script indicado no `PRG_NAME`',
  'readme.fileDag': 'a DAG do Airflow: uma tarefa KubernetesPodOperator por script',
  'readme.fileTests': 'testes unitários dos scripts (sem Docker e sem Airflow) e um teste de integridade da DAG (precisa do Airflow)',
  'readme.fileConfig': 'as respostas do gerador; o `pod-ingestion pod`, o `package` e o `publish` leem este arquivo',
  'readme.buildHeading': 'Construir a imagem',
  'readme.runOneHeading': 'Rodar um pod localmente',
  'readme.prgName': 'O `PRG_NAME` aceita `nome`, `nome.py` ou `./nome.py`; um nome desconhecido lista os scripts da imagem.',
  'readme.paramsHeading': 'Parâmetros e onde fica a saída',
  'readme.paramsText':
    'Cada tarefa recebe `RUN_DATE="{{ ds }}"`, a data lógica da execução: uma nova tentativa ou um backfill de um dia\nprocessa aquele dia, e não o dia em que por acaso roda. Os params da DAG (`PARAMS` em `dags/{dagId}.py`) aparecem no\nformulário "Trigger DAG" da interface do Airflow, com a descrição de cada um; o conf de uma execução tem precedência.\n\nOs scripts de exemplo gravam em `OUTPUT_DIR`, o param da DAG com esse nome (padrão `{outputDir}`). O pod é\napagado quando termina, e o `/tmp` dele junto: nada gravado ali permanece. Aponte `OUTPUT_DIR` para um\narmazenamento durável, um volume montado ou um caminho de bucket:',
  'readme.paramsOneRun': 'ou, para uma execução só: `airflow dags trigger {dagId} --conf \'{"OUTPUT_DIR": "/data/ingestion"}\'`.',
  'readme.runAllHeading': 'Rodar o pipeline inteiro localmente',
  'readme.runAllComment': 'todas as tarefas, na ordem da DAG, cada uma num contêiner',
  'readme.runAll':
    'O `pod-ingestion run` constrói a imagem quando ela está mais velha que os arquivos e depois roda cada tarefa num\ncontêiner dela, como o Airflow faz no Kubernetes: as tarefas que dependem de uma que falhou terminam como\n`upstream_failed`. Passe os params com `--conf \'{"NOME": "valor"}\'`, os secrets com `--secrets-dir DIR` (DIR/<secret>/\nguarda os arquivos de cada um) e uma pasta compartilhada com `--mount ./data:/data`. Logs:\n`.pod-ingestion/runs/<run-id>/`. O `pod-ingestion run --help` lista o resto.',
  'readme.testHeading': 'Testar os scripts',
  'readme.pushHeading': 'Enviar a imagem',
  'readme.localOnly':
    'Esta imagem não tem repositório, então fica só nesta máquina. Para enviá-la, gere o projeto de novo com\n`--repository` (seu usuário do Docker Hub ou um caminho de registry), ou crie a tag você mesmo:\n{command}.',
  'readme.userPlaceholder': 'usuario',
  'readme.publish':
    'Ou deixe o gerador fazer as duas coisas: `pod-ingestion publish --push` (com `--bump patch`, ele sobe a versão\nem todos os lugares onde a imagem aparece).',
  'readme.deployHeading': 'Implantar a DAG',
  'readme.deploy':
    'Copie `{dag}` para a pasta de DAGs do seu Airflow (ou para o repositório git que ela sincroniza).\nO Airflow precisa do `apache-airflow-providers-cncf-kubernetes` (versão 10 ou mais nova). Os pods rodam no namespace\n`{namespace}`{pullSecret}.',
  'readme.pullSecret': '; a imagem é baixada com o secret\n`{secret}`: {command}',
  'readme.growHeading': 'Ampliar o pipeline',
  'readme.safeToEdit': 'O que você pode editar:',
  'readme.safeYours':
    '`{podsDir}/*.py`, `requirements.txt`, `Dockerfile`, `run_in_docker.sh` e este README: são seus; o gerador nunca\n  sobrescreve um script de pod. Ao rodar de novo, ele mescla uma configuração alterada com os seus arquivos editados\n  (comparando com a cópia do que gerou da última vez, em `.pod-ingestion/generated/`: faça commit dela) e pergunta\n  quando a sua edição e a mudança se sobrepõem.',
  'readme.safeDag':
    '`{dag}`: tudo o que está fora dos dois blocos marcados `pod-ingestion managed`. Esses blocos\n  são reescritos a partir do `.yo-rc.json` sempre que um pod é acrescentado ou a tag da imagem muda.',
  'readme.example1': 'Limpa a exportação de pedidos',
  'readme.example2': 'Carrega as linhas limpas no data warehouse',
  'readme.example3': 'Gera o relatório diário',
  'readme.exampleNext': 'A próxima etapa do pipeline',
  'readme.pipelineMarker': '(reescrito a partir do .yo-rc.json pelo pod-ingestion)',
};
